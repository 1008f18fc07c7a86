package dev.alimi.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code load} runs the loopback load driver, {@code jmh} runs JMH. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (what) {
            case "load" -> LoadDriver.main(rest);
            case "fanout" -> FanOutDriver.main(rest);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> System.out.println("""
                    usage: bench/run load [--alerts N] [--seconds S] [--rates 5,20,50]
                           bench/run fanout [--channels 1,10,100,1000] [--rounds 5]
                           bench/run jmh [JMH options, e.g. -f 1 -wi 3 -i 5 DetectionBench]""");
        }
    }
}

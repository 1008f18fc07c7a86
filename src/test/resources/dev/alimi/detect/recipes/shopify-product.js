{"id": 6543, "title": "KF94 Mask", "handle": "kf94-mask", "available": true, "price": 1590,
 "variants": [
   {"id": 111, "title": "White", "available": false, "price": 1590},
   {"id": 222, "title": "Black", "available": true, "price": 1790}
 ]}

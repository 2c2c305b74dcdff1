"""The sha256 of every shipped model file. Written by `make train-screen` and `make train-coach`;
checked before any file is used."""

SHA256 = {
    "coach.int8.onnx": "4c391248445e374c9f7cd7270a25603527a8e4ee5afe5c2779ba30c773107e61",
    "coach.json": "109bc5b34aee801ab1450df89a235478293a95d381196f2d9b11018623145f1d",
    "screen.int8.onnx": "ce6bc71ce8095ff17035dd2fe99325c9f8e766c49f96e840a12ea94c4e99c8cf",
    "screen.json": "6e8218cf185525d132d76c34bda160db4f596c3492dce4c2046bb94a608a37d7",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

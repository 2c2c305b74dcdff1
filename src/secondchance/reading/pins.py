"""The sha256 of every shipped model file. Written by `make train-screen` and `make train-coach`;
checked before any file is used."""

SHA256 = {
    "coach.int8.onnx": "989798444b2062b1fa8e78fbef0b6c4352090fe5a2f15d81b28b5218857551c0",
    "coach.json": "109bc5b34aee801ab1450df89a235478293a95d381196f2d9b11018623145f1d",
    "screen.int8.onnx": "b6cb1c8a58e6dc70262bebaf23a999820990413699837b81d59400bee033ffc2",
    "screen.json": "6e8218cf185525d132d76c34bda160db4f596c3492dce4c2046bb94a608a37d7",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

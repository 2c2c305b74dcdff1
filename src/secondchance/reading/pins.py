"""The sha256 of every shipped model file. Written by `make train-screen`; checked before any file is used."""

SHA256 = {
    "screen.int8.onnx": "b6cb1c8a58e6dc70262bebaf23a999820990413699837b81d59400bee033ffc2",
    "screen.json": "6e8218cf185525d132d76c34bda160db4f596c3492dce4c2046bb94a608a37d7",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

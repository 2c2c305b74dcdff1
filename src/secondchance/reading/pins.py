"""The sha256 of every shipped model file. Written by `make train-screen` and `make train-coach`;
checked before any file is used."""

SHA256 = {
    "coach.int8.onnx": "4c391248445e374c9f7cd7270a25603527a8e4ee5afe5c2779ba30c773107e61",
    "coach.json": "109bc5b34aee801ab1450df89a235478293a95d381196f2d9b11018623145f1d",
    "screen.int8.onnx": "12ea0d0061ab3595bca2ebbc3e517516cf76bd8982073730dda003c266cf04bf",
    "screen.json": "7fcef6fa4217b960eea16050bfea0c201a299b3addaa7fa8228446bcb30db388",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

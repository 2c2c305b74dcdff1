"""The sha256 of every shipped model file. Written by `make train-screen` and `make train-coach`;
checked before any file is used."""

SHA256 = {
    "coach.int8.onnx": "a651964d5e80cf6c13f75925c798eb51c1718c5a61bd2f985cd8d3486235d9ee",
    "coach.json": "90ae5083cfc628c9266ce87bcd69de9ac7ed2471aead6c41df15bd7a0a7ae7ff",
    "screen.int8.onnx": "12ea0d0061ab3595bca2ebbc3e517516cf76bd8982073730dda003c266cf04bf",
    "screen.json": "7fcef6fa4217b960eea16050bfea0c201a299b3addaa7fa8228446bcb30db388",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

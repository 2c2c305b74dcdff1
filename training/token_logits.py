"""A pooled classifier graph, rewritten to give every word piece's logits.

The head is linear on the mean of the encoder's last hidden states, so the
logits of a whole piece are the mean of its word pieces' logits. A graph that
outputs those per-piece logits answers the whole piece *and* each of its
sentences (the mean over that sentence's word pieces) from one run of the
encoder: the app no longer reads a flagged piece a second time, sentence by
sentence, to point at the one a finding is about.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

OUTPUT = "token_logits"


def _producer(graph, name: str):
    return next(node for node in graph.node if name in node.output)


def _consumers(graph, name: str):
    return [node for node in graph.node if name in node.input]


def _hidden_states(graph) -> str:
    """The encoder's last hidden states: what the pooling step multiplies by the mask and sums."""
    for node in graph.node:
        if node.op_type == "Mul" and any(c.op_type == "ReduceSum" for c in _consumers(graph, node.output[0])):
            return next(name for name in node.input if _producer(graph, name).op_type == "LayerNormalization")
    raise SystemExit("no mean-pooling step found in the graph")


def _head(graph, initializers) -> tuple[np.ndarray, str]:
    """(weight as hidden × labels in float, name of the bias) of the final linear layer, quantised or not."""
    from onnx import numpy_helper

    def array(name):
        return numpy_helper.to_array(initializers[name])

    names = [name for name in initializers if name.startswith("inner.head.weight")]
    quantised = next((n for n in names if n.endswith("_quantized")), None)
    if quantised:  # int8 with a scale and zero point per label, already hidden × labels
        stem = quantised[: -len("_quantized")]
        weight = (array(quantised).astype(np.float32) - array(stem + "_zero_point").astype(np.float32)) * array(stem + "_scale")
    else:  # torch's layout, labels × hidden, unless the exporter transposed it
        weight = array(names[0]).astype(np.float32)
        weight = weight if names[0].endswith("_Transposed") else weight.T
    return weight.astype(np.float32), "inner.head.bias"


def to_token_logits(source: Path, target: Path) -> None:
    """Write ``target``: ``source``'s encoder, then its head applied to every word piece (batch × tokens × labels)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    initializers = {init.name: init for init in graph.initializer}
    hidden = _hidden_states(graph)
    weight, bias = _head(graph, initializers)
    graph.initializer.append(numpy_helper.from_array(weight, "token_head.weight"))
    graph.node.append(helper.make_node("MatMul", [hidden, "token_head.weight"], ["token_head.scores"]))
    graph.node.append(helper.make_node("Add", ["token_head.scores", bias], [OUTPUT]))
    del graph.output[:]
    graph.output.append(helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", "tokens", weight.shape[1]]))
    _prune(graph)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def _prune(graph) -> None:
    """Drop the nodes and weights the new output no longer needs (the pooling and the old head)."""
    needed, kept = {OUTPUT}, []
    for node in reversed(list(graph.node)):
        if any(name in needed for name in node.output):
            kept.append(node)
            needed.update(node.input)
    del graph.node[:]
    graph.node.extend(reversed(kept))
    used = [init for init in graph.initializer if init.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(used)
    value_info = [info for info in graph.value_info if info.name in needed]
    del graph.value_info[:]
    graph.value_info.extend(value_info)

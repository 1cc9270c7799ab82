"""The Scratchpad's starting texts: each a step of Karpathy's micrograd lecture."""

from __future__ import annotations

EXAMPLES: dict[str, str] = {
    "product": """\
# a product and a square: c = a*b + b**2
a = Value(2.0, label='a')
b = Value(-3.0, label='b')
c = a*b + b**2
""",
    "neuron": """\
# Karpathy's neuron: inputs x1, x2, weights w1, w2, bias b
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
n = x1*w1 + x2*w2 + b
o = n.tanh()
""",
    "tanh-exp": """\
# the same neuron, its tanh written with exp: same gradients, more nodes
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
n = x1*w1 + x2*w2 + b
e = (2*n).exp()
o = (e - 1)/(e + 1)
""",
    "reuse": """\
# a used twice: its gradient is the sum of both paths, 2
a = Value(3.0, label='a')
b = a + a
""",
}

"""The fast backend: one point's Value graph, compiled once into a numpy plan that runs N points at once.

How it works: the loss of ONE point is built by the real Value code (MLP, point_loss) with a lane target
standing for each point's class (trace), then compiled (passes, plan): chains of + fold into sums and
weighted sums (same floats, same order), nodes of one op at one depth become a group (groups), and each
group runs as a few numpy calls over a (nodes, points) matrix: every point is a lane doing exactly its
Value graph's ops. Backward walks the groups in reverse; each sends local * grad to its inputs' rows.
Parameters are shared by all lanes: their gradient adds the lanes' contributions last lane first, and an
input reached from several neurons adds theirs in micrograd's DFS order (kernels), so training gives the
eager engine's floats bit for bit on every machine. Decision maps may take BLAS and numpy's own math.
"""

from .backend import FastBackend
from .plan import Plan, plan_for

__all__ = ["FastBackend", "Plan", "plan_for"]

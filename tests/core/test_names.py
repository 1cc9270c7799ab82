"""One naming scheme: the model's Value labels, the parameter list and the neuron keys agree."""

from micrograd_gui.core.graph.trace import trace
from micrograd_gui.core.names import bias_name, neuron_name, parameter_names, parse_neuron, weight_name
from micrograd_gui.core.nn import MLP, input_values
from micrograd_gui.core.rng import RNG


def test_the_model_labels_its_parameters_in_thetas_order():
    model = MLP(2, [3, 4, 2], RNG(1))
    assert [p.label for p in model.parameters()] == parameter_names((2, 3, 4, 2))
    assert parameter_names((2, 1))[:3] == [weight_name(0, 0, 0), weight_name(0, 0, 1), bias_name(0, 0)]
    assert parameter_names((2, 1))[:3] == ["w[0][0][0]", "w[0][0][1]", "b[0][0]"]


def test_neuron_names_round_trip_and_label_the_graph():
    assert [neuron_name(1, 2), neuron_name(1, 2, output=True)] == ["h[1][2]", "logit 2"]
    assert parse_neuron("h[1][2]") == (1, 2) and parse_neuron("logit 2") == (None, 2)
    assert parse_neuron("w[0][1][0]") is None and parse_neuron("b[0][1]") is None and parse_neuron("x0") is None
    g = trace(MLP(2, [3, 2], RNG(1))(input_values(0.5, -0.5))[1])
    neurons = sorted(n.label for n in g.nodes if parse_neuron(n.label) is not None)
    assert neurons == ["h[0][0]", "h[0][1]", "h[0][2]", "logit 1"]

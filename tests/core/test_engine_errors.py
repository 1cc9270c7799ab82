"""Domain errors of the scalar engine: a clear ValueError naming the op, never a bare math error."""

from __future__ import annotations

import math

import pytest

from micrograd_gui.core.engine import Value


@pytest.mark.parametrize("x", [0.0, -0.0, 0, -1e-300, -1.0, -5])
def test_log_of_non_positive_raises_value_error_naming_log(x):
    with pytest.raises(ValueError, match="log") as info:
        Value(x).log()
    assert not isinstance(info.value, ArithmeticError)


def test_log_error_inside_a_graph():
    a = Value(2.0)
    with pytest.raises(ValueError, match="log"):
        (a - 2.0).log()
    with pytest.raises(ValueError, match="log"):
        (a * -1.0).log()


@pytest.mark.parametrize("x", [math.inf, -math.inf, math.nan])
def test_sin_of_a_non_finite_number_raises_value_error_naming_sin(x):
    with pytest.raises(ValueError, match="sin: the input must be a finite number") as info:
        Value(x).sin()
    assert not isinstance(info.value, ArithmeticError)


def test_sin_and_its_local_derivative():
    a = Value(0.5)
    b = a.sin()
    b.backward()
    assert (b.data, b._op, a.grad) == (math.sin(0.5), "sin", math.cos(0.5))


@pytest.mark.parametrize("k", [0.5, -0.5, 1 / 3, 2.5, -1.25])
@pytest.mark.parametrize("x", [-1e-6, -2.0, -8.0])
def test_negative_base_to_non_integer_power_raises_value_error_naming_pow(x, k):
    with pytest.raises(ValueError, match="pow"):
        Value(x) ** k


@pytest.mark.parametrize("k", [2, 3, -1, -2, 2.0, -3.0])
def test_negative_base_to_integer_power_is_fine(k):
    out = Value(-2.0) ** k
    assert out.data == (-2.0) ** k


@pytest.mark.parametrize("k", [-1, -2, -0.5, -1.5, -1.0])
@pytest.mark.parametrize("x", [0.0, -0.0, 0])
def test_zero_to_negative_power_raises_value_error(x, k):
    with pytest.raises(ValueError, match="pow"):
        Value(x) ** k


@pytest.mark.parametrize("zero", [0, 0.0, -0.0])
def test_division_by_zero_constant_raises_value_error(zero):
    with pytest.raises(ValueError) as info:
        Value(3.0) / zero
    assert not isinstance(info.value, ZeroDivisionError)


@pytest.mark.parametrize("zero", [0, 0.0, -0.0])
def test_division_by_zero_value_raises_value_error(zero):
    with pytest.raises(ValueError) as info:
        Value(3.0) / Value(zero)
    assert not isinstance(info.value, ZeroDivisionError)
    with pytest.raises(ValueError) as info:
        2.0 / Value(zero)
    assert not isinstance(info.value, ZeroDivisionError)


def test_division_by_a_value_that_became_zero():
    a = Value(1.5)
    with pytest.raises(ValueError):
        Value(1.0) / (a - 1.5)


@pytest.mark.parametrize("k", ["2", None, [2], Value(2.0), 2j])
def test_non_number_exponent_raises_type_error(k):
    with pytest.raises(TypeError):
        Value(2.0) ** k


@pytest.mark.parametrize("x", [710.0, 1000.0, 1e300])
def test_exp_overflow_gives_inf(x):
    out = Value(x).exp()
    assert out.data == math.inf
    out.backward()  # no OverflowError on the way back either
    assert out.grad == 1


def test_exp_overflow_inside_a_graph_propagates_inf():
    a = Value(800.0)
    loss = (a * 1.0).exp() * 2.0
    loss.backward()
    assert loss.data == math.inf
    assert a.grad == math.inf


def test_exp_underflow_gives_zero():
    a = Value(-1000.0)
    out = a.exp()
    out.backward()
    assert out.data == 0.0 and a.grad == 0.0


def test_sigmoid_and_tanh_saturate_without_errors():
    for x in (-1e4, 1e4):
        s, t = Value(x).sigmoid(), Value(x).tanh()
        assert s.data in (0.0, 1.0)
        assert t.data in (-1.0, 1.0)


# ---- edge cases of pow: 0**0 and overflow --------------------------------------------------------

@pytest.mark.parametrize("k", [0, 0.0])
def test_zero_to_the_power_zero_is_one_with_zero_gradient(k):
    a = Value(0.0)
    out = a**k
    out.backward()
    assert out.data == 1.0  # as Python and torch
    assert a.grad == 0.0  # torch.pow(0., 0) has gradient 0


@pytest.mark.parametrize(("x", "k"), [(10.0, 400), (1e-200, -2), (1e200, 2.5)])
def test_pow_overflow_is_not_a_bare_math_error(x, k):
    try:
        out = Value(x) ** k
    except ValueError as e:
        assert "pow" in str(e)
    else:
        assert out.data == math.inf

"""One point's computation graph: trace (Value -> Graph), probe (a point's loss after training), groups
(neurons folded into boxes), layout, svg and the backprop stepper."""

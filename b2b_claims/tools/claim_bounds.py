"""How much of a delivered line a buyer may still claim, no ORM.

A delivered quantity (a done move line of an outgoing delivery) can be
claimed once: what is returned already and what open or accepted claims
claim already are taken off. ``check_lines`` returns the error code of each
refused request, so that the caller writes nothing when one is refused.
"""

from dataclasses import dataclass

# demands that need an amount, a percentage or grounds
AMOUNT_DEMANDS = {"reduction_amount", "compensation"}
PERCENT_DEMANDS = {"reduction_percent"}
DEMANDS = {
    "repair",
    "reduction_amount",
    "reduction_percent",
    "compensation",
    "replacement",
    "refund",
}
EPSILON = 1e-6


@dataclass(frozen=True)
class LineRequest:
    """One line the buyer wants to claim."""

    key: int  # the move line
    quantity: float
    demand: str
    amount: float = 0.0
    percent: float = 0.0


def claimable(delivered, returned=0.0, claimed=0.0):
    """What is left to claim of ``delivered``: never below zero."""
    return max(delivered - returned - claimed, 0.0)


def check_line(request, left):
    """The error code of ``request`` against ``left`` (what is claimable),
    or "" when it is fine:

    - ``quantity``: zero or negative;
    - ``over``: more than is left;
    - ``demand``: an unknown demand;
    - ``amount``: a demand by amount without a positive amount;
    - ``percent``: a percentage out of (0, 100].
    """
    if request.quantity <= EPSILON:
        return "quantity"
    if request.quantity > left + EPSILON:
        return "over"
    if request.demand not in DEMANDS:
        return "demand"
    if request.demand in AMOUNT_DEMANDS and request.amount <= EPSILON:
        return "amount"
    if request.demand in PERCENT_DEMANDS and not (
        EPSILON < request.percent <= 100 + EPSILON
    ):
        return "percent"
    return ""


def check_lines(requests, left_by_key):
    """``{key: error code}`` of the refused requests; a key with nothing
    left (not delivered, or another entity's) is ``undelivered``. Two
    requests on the same line share what is left."""
    errors = {}
    used = {}
    for request in requests:
        if request.key not in left_by_key:
            errors[request.key] = "undelivered"
            continue
        left = left_by_key[request.key] - used.get(request.key, 0.0)
        error = check_line(request, left)
        if error:
            errors[request.key] = error
        else:
            used[request.key] = used.get(request.key, 0.0) + request.quantity
    return errors

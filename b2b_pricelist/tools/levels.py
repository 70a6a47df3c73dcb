"""Turnover levels: plain Python, no ORM."""

from collections import namedtuple

Progress = namedtuple("Progress", "current next missing percent")


def check_thresholds(levels):
    """Error code of a level ladder: ``levels`` is a list of (sequence,
    threshold) in the order they are shown.

    :return: False, ``"negative"``, ``"duplicate"`` (two levels at one
        threshold overlap) or ``"out_of_order"`` (a later level with a lower
        threshold)
    """
    thresholds = [threshold for _sequence, threshold in sorted(levels)]
    if any(t < 0 for t in thresholds):
        return "negative"
    if len(set(thresholds)) != len(thresholds):
        return "duplicate"
    if thresholds != sorted(thresholds):
        return "out_of_order"
    return False


def level_for(turnover, thresholds):
    """Index of the highest threshold reached by ``turnover`` (thresholds in
    increasing order), or None if below the first."""
    reached = None
    for index, threshold in enumerate(thresholds):
        if turnover >= threshold:
            reached = index
    return reached


def progress(turnover, thresholds, current=None):
    """Where ``turnover`` stands on the ladder ``thresholds`` (increasing).

    :param current: the index of the level held (a pinned one may differ
        from the turnover's); by default the turnover's own
    :return: Progress(current index or None, next index or None, amount
        missing to the next level, percent of the way from the current
        threshold to the next one, 0-100)
    """
    if current is None:
        current = level_for(turnover, thresholds)
    start = 0 if current is None else current + 1
    following = [i for i in range(start, len(thresholds)) if thresholds[i] > turnover]
    if not following:
        return Progress(current, None, 0.0, 100)
    nxt = following[0]
    floor = thresholds[current] if current is not None else 0.0
    floor = min(floor, turnover)
    span = thresholds[nxt] - floor
    percent = 100 if span <= 0 else int(max(0, turnover - floor) * 100 // span)
    return Progress(current, nxt, thresholds[nxt] - turnover, min(percent, 99))

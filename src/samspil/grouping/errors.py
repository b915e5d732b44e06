"""The one error the grouping algorithms raise for bad input."""


class GroupingError(ValueError):
    """Input that no grouping can satisfy, or that is malformed.

    Raised before any search starts, so a caller can show the message to the
    organiser as it is (for example "person 7 must be in group 3, but there are
    only 2 groups").
    """

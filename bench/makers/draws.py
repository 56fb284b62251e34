"""Seeded random draws for the makers: counts spread over records, weighted picks."""

from itertools import accumulate


def spread(rng, total, n, minimum=0, maximum=None):
    """n counts, each at least `minimum` (and at most `maximum`), summing to about `total`."""
    if n <= 0:
        return []
    counts = [minimum] * n
    rest = max(0, int(round(total)) - minimum * n)
    if maximum is not None:
        rest = min(rest, (maximum - minimum) * n)
    while rest > 0:
        index = rng.randrange(n)
        if maximum is None or counts[index] < maximum:
            counts[index] += 1
            rest -= 1
    return counts


def weighted(rng, weights, k):
    """k draws from a {value: weight} mapping."""
    return Picker(rng, weights).draw(k)


class Picker:
    """Repeated weighted draws from a {value: weight} mapping (cumulative weights computed once)."""

    def __init__(self, rng, weights):
        self.rng = rng
        self.values = list(weights)
        self.cumulative = list(accumulate(weights[value] for value in self.values))

    def draw(self, k):
        return self.rng.choices(self.values, cum_weights=self.cumulative, k=k)

    def one(self):
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]

"""The makers of synthetic records, one per kind, in the order the generator runs them.

Later makers link to the records of earlier ones (memberships to networks, roles to people,
citations and claims to everything), and each draws from the one seeded random generator: the
order is part of the content a seed gives.
"""

from bench.makers.actors import Organisations, People, Places, Roles
from bench.makers.networks import Declarations, Events, Forums, Memberships, Networks
from bench.makers.practices import PracticeChildren, Practices
from bench.makers.sources import Citations, Claims

MAKERS = [
    Places,
    Organisations,
    People,
    Networks,
    Memberships,
    Forums,
    Events,
    Declarations,
    Roles,
    Practices,
    PracticeChildren,
    Citations,
    Claims,
]

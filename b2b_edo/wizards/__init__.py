from . import founding_reject_wizard

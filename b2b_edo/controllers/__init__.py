from . import founding

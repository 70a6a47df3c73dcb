
from . import recon

from . import recon

from . import file_names

from . import contract_accept

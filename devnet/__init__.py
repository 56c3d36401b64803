"""Local EVM devnet for the defi toolkit: a JSON-RPC server over py-evm, a deployer and a demo market."""

__all__ = ["CHAIN_ID", "MNEMONIC"]

#: anvil's chain id.
CHAIN_ID = 31337
#: anvil's public test mnemonic; the ten derived keys are public knowledge and hold only devnet ETH.
MNEMONIC = "test test test test test test test test test test test junk"

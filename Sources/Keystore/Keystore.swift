// The Keystore layer: Web3 Secret Storage v3 keystores.
import Primitives

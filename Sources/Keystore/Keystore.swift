// The Keystore layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Primitives

/// Marker for the Keystore layer until its first types land.
public enum KeystoreLayer {}

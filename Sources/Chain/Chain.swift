// The Chain layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Primitives
import Keystore

/// Marker for the Chain layer until its first types land.
public enum ChainLayer {}

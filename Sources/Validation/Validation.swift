// The Validation layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Protocols

/// Marker for the Validation layer until its first types land.
public enum ValidationLayer {}

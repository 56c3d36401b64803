// The DeFiCore layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Chain
import History

/// Marker for the DeFiCore layer until its first types land.
public enum DeFiCoreLayer {}

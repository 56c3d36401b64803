// The DeFiCore layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Chain
import History

/// Marker for the DeFiCore layer; its types live in the files beside this one.
public enum DeFiCoreLayer {}

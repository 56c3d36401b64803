// The Protocols layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import DeFiCore

/// Marker for the Protocols layer until its first types land.
public enum ProtocolsLayer {}

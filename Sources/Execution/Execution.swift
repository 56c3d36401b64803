// The Execution layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Strategies

/// Marker for the Execution layer until its first types land.
public enum ExecutionLayer {}

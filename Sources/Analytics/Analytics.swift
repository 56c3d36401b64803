// The Analytics layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Execution

/// Marker for the Analytics layer until its first types land.
public enum AnalyticsLayer {}

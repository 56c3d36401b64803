// The Strategies layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Validation

/// Marker for the Strategies layer until its first types land.
public enum StrategiesLayer {}

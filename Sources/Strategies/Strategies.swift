// The Strategies layer. See ../shared/ARCHITECTURE.md for what lands here; imports point down only.
import Validation

/// Marker for the Strategies layer.
public enum StrategiesLayer {}

"""Analysis layers: each component reads some layers and adds its own."""

from spinscope.layers.base import Layer, available_layers, get_layer, register_layer

__all__ = ["Layer", "available_layers", "get_layer", "register_layer"]

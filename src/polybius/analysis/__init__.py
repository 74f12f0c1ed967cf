"""Aggregates over a store: dyad time series (and their PNG plot), actor networks
(GraphML/GEXF/JSON), stances across documents."""
from .dyads import dyad_frame, plot_dyad
from .networks import communities, top_actors, trim, write_graph
from .stances import stance_matrix

__all__ = ["dyad_frame", "plot_dyad", "write_graph", "top_actors", "trim", "communities", "stance_matrix"]

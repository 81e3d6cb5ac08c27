"""Resolvers: dates, places and actors against the publication date, the gazetteer and the actor dictionary."""

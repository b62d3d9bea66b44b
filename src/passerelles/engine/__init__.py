"""Pure algorithms of Passerelles: numpy, scipy and scikit-learn only, never Django.

Domain apps hand arrays to these modules and store the results back; the engine never
touches the database.
"""

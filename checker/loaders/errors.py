"""The one error a loader raises: a message for the user, naming what is wrong with the file."""


class LoadError(Exception):
    def __init__(self, message: str, *, unsupported: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.unsupported = unsupported

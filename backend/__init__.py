from backend.core.imports import import_without_extras

import_without_extras()

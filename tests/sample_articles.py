"""Short news texts written for the tests, shared by several test files."""

ATTACK = (
    "Des hommes armés ont attaqué jeudi le village de Djibo, dans le nord du Burkina Faso, "
    "tuant cinq civils, selon des sources locales."
)
CLASH = (
    "De violents affrontements ont opposé mardi l'armée nigérienne à des combattants de l'État islamique "
    "près de Tillabéri, a annoncé le ministère de la Défense."
)
FOOTBALL = (
    "Les Aigles du Mali ont battu la Guinée deux buts à zéro samedi au stade du 26-Mars de Bamako, "
    "grâce à un doublé de leur attaquant, devant des supporters ravis par le match."
)

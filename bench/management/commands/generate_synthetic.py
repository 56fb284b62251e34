from django.core.management.base import BaseCommand, CommandError

from bench import synthetic
from bench.synthetic import BATCH_SIZE, DEFAULT_SEED, OVERRIDE_FLAG, Generator


class Command(BaseCommand):
    help = (
        "Add synthetic content for performance benchmarks: about FACTOR times the real content again, "
        "in both languages, cited, with slugs starting with 'syn-'. Refuses to run unless the database "
        f"name or path contains 'bench' or {OVERRIDE_FLAG} is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor",
            type=int,
            default=1,
            help="Add FACTOR times the number of real records of each kind (default 1: doubles the content).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"Random seed (default {DEFAULT_SEED})."
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="Rows per INSERT (at most).")
        parser.add_argument(
            OVERRIDE_FLAG,
            dest="benchmark_database",
            action="store_true",
            help="Run even though the database name does not contain 'bench'.",
        )

    def handle(self, *args, factor, seed, batch_size, benchmark_database, **options):
        if not (benchmark_database or synthetic.is_benchmark_database()):
            raise CommandError(
                f"Refusing to add synthetic content to database {synthetic.database_label()!r}: this "
                "command is for benchmark databases only and must never pollute a curator's database. "
                f"Use a database whose name or path contains 'bench', or pass {OVERRIDE_FLAG} if this "
                "really is one. Nothing was created."
            )
        if factor < 1:
            raise CommandError("--factor must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        verbose = options["verbosity"] > 1
        generator = Generator(
            factor=factor, seed=seed, batch_size=batch_size, log=self.stdout.write if verbose else None
        )
        try:
            created = generator.run()
        except RuntimeError as exc:
            raise CommandError(f"Nothing was created. {exc}") from exc
        total = sum(created.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {total} synthetic rows (factor {factor}, seed {seed}) "
                f"in {generator.elapsed:.1f}s on {synthetic.database_label()}."
            )
        )
        width = max((len(label) for label in created), default=0)
        self.stdout.write(f"  {'model or relation':<{width}}  {'rows':>8}  {'insert':>7}")
        for label, count in sorted(created.items()):
            self.stdout.write(f"  {label:<{width}}  {count:>8}  {generator.timings.get(label, 0):6.1f}s")

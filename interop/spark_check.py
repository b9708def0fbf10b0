"""Spark reads every published Parquet file with its column descriptions as field `comment`s.

    python interop/spark_check.py DIST      (a Python with pyspark, and a Java runtime)

For each table: the row count equals the Parquet file's, dates are DateType, lists ArrayType,
and every column whose Arrow field has a description has the same text as its Spark comment.
"""

import sys
from pathlib import Path

import pyarrow.parquet as pq
from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, DateType


def main():
    dist = Path(sys.argv[1]).resolve()
    spark = (SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    failures, columns = [], 0
    for path in sorted((dist / "parquet").glob("*.parquet")):
        df = spark.read.parquet(str(path))
        arrow = pq.read_schema(path)
        if df.count() != pq.read_metadata(path).num_rows:
            failures.append(f"{path.name}: row count")
        for field in arrow:
            description = (field.metadata or {}).get(b"description", b"").decode()
            spark_field = df.schema[field.name]
            columns += 1
            if spark_field.metadata.get("comment", "") != description:
                failures.append(f"{path.name}: {field.name}: Spark comment {spark_field.metadata!r}")
            if str(field.type) == "date32[day]" and not isinstance(spark_field.dataType, DateType):
                failures.append(f"{path.name}: {field.name}: {spark_field.dataType}, expected DateType")
            if str(field.type).startswith("list") and not isinstance(spark_field.dataType, ArrayType):
                failures.append(f"{path.name}: {field.name}: {spark_field.dataType}, expected ArrayType")
    version = spark.version
    spark.stop()
    for f in failures:
        print(f"FAIL spark: {f}")
    if not failures:
        print(f"ok   spark        Spark {version}: {columns} columns read with their comments, dates and arrays typed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

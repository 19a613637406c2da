# The `cell` image: the Cell Harness command-line tool on a Java 17 runtime. Sweeps run from it one shard per pod
# (deploy/kubernetes/). Build from the repository root:
#   docker build -t cell:latest .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl cell-cli -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /work cell && mkdir -p /work && chown cell /work
COPY --from=build /src/cell-cli/target/cell.jar /opt/cell/cell.jar
COPY --from=build /src/examples /opt/cell/examples
RUN printf '#!/bin/sh\nexec java ${CELL_JAVA_OPTS:-} -jar /opt/cell/cell.jar "$@"\n' > /usr/local/bin/cell \
    && chmod 755 /usr/local/bin/cell
USER cell
WORKDIR /work
ENTRYPOINT ["cell"]
CMD ["--help"]

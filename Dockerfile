# syntax=docker/dockerfile:1
# Build stage: the whole Maven build (frontend included) on JDK 25 with Node for the web bundle.
FROM maven:3.9-eclipse-temurin-25 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dfrontend.skip=true || true
COPY frontend/package.json frontend/package-lock.json frontend/.npmrc frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY . .
RUN mvn -B -DskipTests -Dfrontend.test.skip=true package && cp target/govchat-*.jar /app.jar

# Runtime stage: a JRE 25, an unprivileged user, the flags the in-process model needs.
FROM eclipse-temurin:25-jre
RUN useradd --system --home-dir /var/lib/govchat --create-home govchat
WORKDIR /var/lib/govchat
COPY --from=build /app.jar /opt/govchat/govchat.jar
USER govchat
EXPOSE 8080
ENV JDK_JAVA_OPTIONS="--add-modules jdk.incubator.vector --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75 -XX:+UseZGC"
ENTRYPOINT ["java", "-jar", "/opt/govchat/govchat.jar"]

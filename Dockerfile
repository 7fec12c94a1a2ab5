# An image that checks the drafts mounted at /drafts:
#   docker build -t fazhi-lint . && docker run --rm -v "$PWD/草稿:/drafts:ro" fazhi-lint
# Extra options go after the image name: docker run --rm -v …:/drafts:ro fazhi-lint --format json
FROM python:3.12-slim
WORKDIR /src
COPY pyproject.toml README.md ./
COPY checker ./checker
COPY rules ./rules
RUN pip install --no-cache-dir . && rm -rf /src
WORKDIR /drafts
ENTRYPOINT ["fazhi-lint", "check", "/drafts"]

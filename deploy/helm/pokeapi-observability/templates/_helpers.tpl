{{/* Names and labels shared by every resource of the chart. */}}
{{- define "pokeobs.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pokeobs.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's resources: <fullname>-<service>, at most 63 characters. */}}
{{- define "pokeobs.serviceName" -}}
{{- printf "%s-%s" (include "pokeobs.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pokeobs.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: {{ include "pokeobs.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "pokeobs.selectorLabels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "pokeobs.secretName" -}}
{{- default (printf "%s-secrets" (include "pokeobs.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "pokeobs.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "pokeobs.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "pokeobs.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .service (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

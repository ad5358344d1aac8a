<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>kiosk</name>
    <message>
      <source>English</source>
      <comment>language_name</comment>
      <translation>Español</translation>
    </message>
    <message>
      <source>Back</source>
      <comment>back</comment>
      <translation>Atrás</translation>
    </message>
    <message>
      <source>Home</source>
      <comment>home</comment>
      <translation>Inicio</translation>
    </message>
    <message>
      <source>Text size</source>
      <comment>text_size</comment>
      <translation>Letra</translation>
    </message>
    <message>
      <source>High contrast</source>
      <comment>contrast</comment>
      <translation>Alto contraste</translation>
    </message>
    <message>
      <source>Normal colours</source>
      <comment>contrast_on</comment>
      <translation>Colores normales</translation>
    </message>
    <message>
      <source>Listen</source>
      <comment>listen</comment>
      <translation>Escuchar</translation>
    </message>
    <message>
      <source>Stop reading</source>
      <comment>stop_listening</comment>
      <translation>Dejar de leer</translation>
    </message>
    <message>
      <source>Go back to the previous screen</source>
      <comment>back_desc</comment>
      <translation>Volver a la pantalla anterior</translation>
    </message>
    <message>
      <source>Go to the start screen</source>
      <comment>home_desc</comment>
      <translation>Ir a la pantalla de inicio</translation>
    </message>
    <message>
      <source>Show everything in this language</source>
      <comment>language_desc</comment>
      <translation>Mostrar todo en este idioma</translation>
    </message>
    <message>
      <source>Make the text larger; after the largest size it returns to normal</source>
      <comment>text_size_desc</comment>
      <translation>Agrandar el texto; después del tamaño más grande vuelve al normal</translation>
    </message>
    <message>
      <source>Switch between normal colours and white text on black</source>
      <comment>contrast_desc</comment>
      <translation>Cambiar entre colores normales y texto blanco sobre negro</translation>
    </message>
    <message>
      <source>Read this screen aloud</source>
      <comment>listen_desc</comment>
      <translation>Leer esta pantalla en voz alta</translation>
    </message>
    <message>
      <source>Keyboard key</source>
      <comment>key_desc</comment>
      <translation>Tecla del teclado</translation>
    </message>
    <message>
      <source>Type with the keyboard below; matching medicines are listed above it</source>
      <comment>search_desc</comment>
      <translation>Escriba con el teclado de abajo; los medicamentos que coinciden aparecen arriba</translation>
    </message>
    <message>
      <source>Touch a medicine to open its page</source>
      <comment>list_desc</comment>
      <translation>Toque un medicamento para abrir su página</translation>
    </message>
    <message>
      <source>Touch to mark or unmark</source>
      <comment>row_desc</comment>
      <translation>Toque para marcar o desmarcar</translation>
    </message>
    <message>
      <source>Shows what your answers mean</source>
      <comment>see_result_desc</comment>
      <translation>Muestra qué significan sus respuestas</translation>
    </message>
    <message>
      <source>Unmarks every item</source>
      <comment>start_over_desc</comment>
      <translation>Desmarca todo</translation>
    </message>
    <message>
      <source>Opens the symptom checklist for this medicine</source>
      <comment>open_checklist_desc</comment>
      <translation>Abre la lista de síntomas de este medicamento</translation>
    </message>
    <message>
      <source>Starts a call on the clinic phone</source>
      <comment>call_now_desc</comment>
      <translation>Inicia una llamada en el teléfono de la clínica</translation>
    </message>
    <message>
      <source>Keeps your place on the screen</source>
      <comment>still_here_desc</comment>
      <translation>Mantiene su lugar en la pantalla</translation>
    </message>
    <message>
      <source>Shows the number to call and a code for your phone</source>
      <comment>call_cta_desc</comment>
      <translation>Muestra el número para llamar y un código para su teléfono</translation>
    </message>
    <message>
      <source>Swipe up and down to read</source>
      <comment>page_desc</comment>
      <translation>Deslice hacia arriba y hacia abajo para leer</translation>
    </message>
    <message>
      <source>Normal</source>
      <comment>size_0</comment>
      <translation>Normal</translation>
    </message>
    <message>
      <source>Large</source>
      <comment>size_1</comment>
      <translation>Grande</translation>
    </message>
    <message>
      <source>Largest</source>
      <comment>size_2</comment>
      <translation>Más grande</translation>
    </message>
    <message>
      <source>Medication information</source>
      <comment>tile_medications</comment>
      <translation>Información sobre medicamentos</translation>
    </message>
    <message>
      <source>What a medicine is for, how to stop it safely, warning signs</source>
      <comment>tile_medications_sub</comment>
      <translation>Para qué sirve, cómo dejarlo con seguridad, señales de alarma</translation>
    </message>
    <message>
      <source>Symptom checklist</source>
      <comment>tile_checklist</comment>
      <translation>Lista de síntomas</translation>
    </message>
    <message>
      <source>Check how you feel and see when to get help</source>
      <comment>tile_checklist_sub</comment>
      <translation>Revise cómo se siente y sepa cuándo pedir ayuda</translation>
    </message>
    <message>
      <source>Talk to someone now</source>
      <comment>tile_call</comment>
      <translation>Hablar con alguien ahora</translation>
    </message>
    <message>
      <source>Free and confidential, any time</source>
      <comment>tile_call_sub</comment>
      <translation>Gratis y confidencial, a cualquier hora</translation>
    </message>
    <message>
      <source>Medications</source>
      <comment>medications</comment>
      <translation>Medicamentos</translation>
    </message>
    <message>
      <source>Search by name</source>
      <comment>search</comment>
      <translation>Buscar por nombre</translation>
    </message>
    <message>
      <source>Type a medicine name</source>
      <comment>search_hint</comment>
      <translation>Escriba el nombre de un medicamento</translation>
    </message>
    <message>
      <source>Clear</source>
      <comment>clear</comment>
      <translation>Borrar</translation>
    </message>
    <message>
      <source>Space</source>
      <comment>space</comment>
      <translation>Espacio</translation>
    </message>
    <message>
      <source>Delete</source>
      <comment>delete</comment>
      <translation>Borrar letra</translation>
    </message>
    <message>
      <source>No medicine matches “{query}”. Check the spelling, or ask the front desk.</source>
      <comment>no_matches</comment>
      <translation>Ningún medicamento coincide con “{query}”. Revise cómo lo escribió o pregunte en recepción.</translation>
    </message>
    <message>
      <source>There are no medication pages yet. Please ask the front desk.</source>
      <comment>no_pages</comment>
      <translation>Todavía no hay páginas de medicamentos. Pregunte en la recepción.</translation>
    </message>
    <message>
      <source>The medication pages are loading. They will show here in a moment.</source>
      <comment>loading_pages</comment>
      <translation>Las páginas de medicamentos se están cargando. Aparecerán aquí en un momento.</translation>
    </message>
    <message>
      <source>Also called: {names}</source>
      <comment>also_called</comment>
      <translation>Otros nombres: {names}</translation>
    </message>
    <message>
      <source>Get help right away if you have any of these:</source>
      <comment>get_help_now</comment>
      <translation>Pida ayuda de inmediato si tiene alguna de estas señales:</translation>
    </message>
    <message>
      <source>Check your symptoms</source>
      <comment>open_checklist</comment>
      <translation>Revise sus síntomas</translation>
    </message>
    <message>
      <source>Sources</source>
      <comment>sources</comment>
      <translation>Fuentes</translation>
    </message>
    <message>
      <source>Reviewed by {who} on {when}.</source>
      <comment>reviewed</comment>
      <translation>Revisado por {who} el {when}.</translation>
    </message>
    <message>
      <source>Next review: {when}.</source>
      <comment>next_review</comment>
      <translation>Próxima revisión: {when}.</translation>
    </message>
    <message>
      <source>This page has not yet been reviewed by a clinician.</source>
      <comment>not_reviewed</comment>
      <translation>Un profesional de la salud todavía no ha revisado esta página.</translation>
    </message>
    <message>
      <source>Symptom checklists</source>
      <comment>checklists</comment>
      <translation>Listas de síntomas</translation>
    </message>
    <message>
      <source>There are no checklists yet. Please ask the front desk.</source>
      <comment>no_checklists</comment>
      <translation>Todavía no hay listas de síntomas. Pregunte en la recepción.</translation>
    </message>
    <message>
      <source>Touch each one you have now:</source>
      <comment>tick_all</comment>
      <translation>Toque cada uno que tenga ahora:</translation>
    </message>
    <message>
      <source>See what this means</source>
      <comment>see_result</comment>
      <translation>Ver qué significa</translation>
    </message>
    <message>
      <source>Start over</source>
      <comment>start_over</comment>
      <translation>Empezar de nuevo</translation>
    </message>
    <message>
      <source>A–Z</source>
      <comment>show_az</comment>
      <translation>A–Z</translation>
    </message>
    <message>
      <source>Shows the letters A to Z instead of the keyboard</source>
      <comment>show_az_desc</comment>
      <translation>Muestra las letras de la A a la Z en lugar del teclado</translation>
    </message>
    <message>
      <source>Keyboard</source>
      <comment>show_keyboard</comment>
      <translation>Teclado</translation>
    </message>
    <message>
      <source>Shows the keyboard to type a name</source>
      <comment>show_keyboard_desc</comment>
      <translation>Muestra el teclado para escribir un nombre</translation>
    </message>
    <message>
      <source>Bring back my answers</source>
      <comment>undo_start_over</comment>
      <translation>Recuperar mis respuestas</translation>
    </message>
    <message>
      <source>Marks again the items you had marked before Start over</source>
      <comment>undo_start_over_desc</comment>
      <translation>Vuelve a marcar lo que había marcado antes de empezar de nuevo</translation>
    </message>
    <message>
      <source>This is an emergency sign. See what to do now</source>
      <comment>urgent_sign</comment>
      <translation>Esta es una señal de emergencia. Vea qué hacer ahora</translation>
    </message>
    <message>
      <source>Shows what to do right away</source>
      <comment>urgent_sign_desc</comment>
      <translation>Muestra qué hacer de inmediato</translation>
    </message>
    <message>
      <source>What this means</source>
      <comment>result_title</comment>
      <translation>Qué significa</translation>
    </message>
    <message>
      <source>This may be an emergency</source>
      <comment>urgent_title</comment>
      <translation>Esto puede ser una emergencia</translation>
    </message>
    <message>
      <source>You marked:</source>
      <comment>you_ticked</comment>
      <translation>Usted marcó:</translation>
    </message>
    <message>
      <source>Immediate action required</source>
      <comment>level_immediate</comment>
      <translation>Se necesita actuar de inmediato</translation>
    </message>
    <message>
      <source>Urgent advice</source>
      <comment>level_urgent</comment>
      <translation>Consejo urgente</translation>
    </message>
    <message>
      <source>Non-urgent advice</source>
      <comment>level_non_urgent</comment>
      <translation>Consejo no urgente</translation>
    </message>
    <message>
      <source>Draft: a clinician has not checked this yet.</source>
      <comment>draft_banner</comment>
      <translation>Borrador: un profesional de la salud todavía no lo ha revisado.</translation>
    </message>
    <message>
      <source>You can also talk to an intake coordinator</source>
      <comment>call_cta_also</comment>
      <translation>También puede hablar con un coordinador de admisión</translation>
    </message>
    <message>
      <source>Other free help lines</source>
      <comment>other_help</comment>
      <translation>Otras líneas de ayuda gratuitas</translation>
    </message>
    <message>
      <source>If someone is in danger now: {action}</source>
      <comment>other_help_note</comment>
      <translation>Si alguien está en peligro ahora: {action}</translation>
    </message>
    <message>
      <source>QR code to call {name}</source>
      <comment>scan_to_call_line</comment>
      <translation>Código QR para llamar a {name}</translation>
    </message>
    <message>
      <source>This screen is showing only the most important help for now.</source>
      <comment>safe_mode_note</comment>
      <translation>Por ahora, esta pantalla muestra solo la ayuda más importante.</translation>
    </message>
    <message>
      <source>Score: {score}</source>
      <comment>score</comment>
      <translation>Puntuación: {score}</translation>
    </message>
    <message>
      <source>This checklist is not a diagnosis.</source>
      <comment>not_diagnosis</comment>
      <translation>Esta lista no es un diagnóstico.</translation>
    </message>
    <message>
      <source>Call an intake coordinator</source>
      <comment>call_cta</comment>
      <translation>Llamar a un coordinador de admisión</translation>
    </message>
    <message>
      <source>Call now</source>
      <comment>call_now</comment>
      <translation>Llamar ahora</translation>
    </message>
    <message>
      <source>Calling…</source>
      <comment>calling</comment>
      <translation>Llamando…</translation>
    </message>
    <message>
      <source>The phone could not start. Please dial the number above.</source>
      <comment>call_failed</comment>
      <translation>No se pudo iniciar la llamada. Marque el número de arriba.</translation>
    </message>
    <message>
      <source>Scan with your phone's camera to call</source>
      <comment>scan_to_call</comment>
      <translation>Escanee con la cámara de su teléfono para llamar</translation>
    </message>
    <message>
      <source>Touch to see the number large and more help lines</source>
      <comment>touch_for_call</comment>
      <translation>Toque para ver el número en grande y más líneas de ayuda</translation>
    </message>
    <message>
      <source>checked</source>
      <comment>checked</comment>
      <translation>marcado</translation>
    </message>
    <message>
      <source>not checked</source>
      <comment>not_checked</comment>
      <translation>sin marcar</translation>
    </message>
    <message>
      <source>This screen is being updated. Please ask the front desk for help.</source>
      <comment>out_of_service</comment>
      <translation>Esta pantalla se está actualizando. Pida ayuda en la recepción.</translation>
    </message>
    <message>
      <source>Jump to {letter}</source>
      <comment>az_jump</comment>
      <translation>Ir a {letter}</translation>
    </message>
    <message>
      <source>Touch the screen to start</source>
      <comment>touch_to_start</comment>
      <translation>Toque la pantalla para empezar</translation>
    </message>
    <message>
      <source>Are you still there?</source>
      <comment>still_there</comment>
      <translation>¿Sigue ahí?</translation>
    </message>
    <message>
      <source>To protect your privacy, this screen will start over in {seconds} seconds.</source>
      <comment>reset_in</comment>
      <translation>Para proteger su privacidad, esta pantalla empezará de nuevo en {seconds} segundos.</translation>
    </message>
    <message>
      <source>I'm still here</source>
      <comment>still_here</comment>
      <translation>Sigo aquí</translation>
    </message>
    <message>
      <source>Audio</source>
      <comment>audio</comment>
      <translation>Audio</translation>
    </message>
    <message>
      <source>Audio on</source>
      <comment>audio_on</comment>
      <translation>Audio activado</translation>
    </message>
    <message>
      <source>Audio mode: touch anything once to hear it, and again to use it</source>
      <comment>audio_desc</comment>
      <translation>Modo de audio: toque algo una vez para oírlo y otra vez para usarlo</translation>
    </message>
    <message>
      <source>Audio mode is on. Touch anything once to hear what it is, and touch it again to use it. With a keypad, the arrow keys move and Enter chooses. Listen reads the screen one part at a time; Next, Previous and Repeat move through it, and Louder and Softer change the volume. Touch Audio again to turn audio mode off.</source>
      <comment>audio_started</comment>
      <translation>El modo de audio está activado. Toque algo una vez para oír qué es, y tóquelo otra vez para usarlo. Con un teclado, las flechas se mueven y la tecla Intro elige. Escuchar lee la pantalla una parte a la vez; Siguiente, Anterior y Repetir se mueven por ella, y Más alto y Más bajo cambian el volumen. Toque Audio otra vez para apagar el modo de audio.</translation>
    </message>
    <message>
      <source>Audio mode is off.</source>
      <comment>audio_stopped</comment>
      <translation>El modo de audio está apagado.</translation>
    </message>
    <message>
      <source>Previous</source>
      <comment>audio_previous</comment>
      <translation>Anterior</translation>
    </message>
    <message>
      <source>Read the part before</source>
      <comment>audio_previous_desc</comment>
      <translation>Leer la parte anterior</translation>
    </message>
    <message>
      <source>Repeat</source>
      <comment>audio_repeat</comment>
      <translation>Repetir</translation>
    </message>
    <message>
      <source>Read this part again</source>
      <comment>audio_repeat_desc</comment>
      <translation>Leer esta parte otra vez</translation>
    </message>
    <message>
      <source>Next</source>
      <comment>audio_next</comment>
      <translation>Siguiente</translation>
    </message>
    <message>
      <source>Read the next part</source>
      <comment>audio_next_desc</comment>
      <translation>Leer la parte siguiente</translation>
    </message>
    <message>
      <source>Softer</source>
      <comment>audio_softer</comment>
      <translation>Más bajo</translation>
    </message>
    <message>
      <source>Make the voice quieter</source>
      <comment>audio_softer_desc</comment>
      <translation>Bajar el volumen de la voz</translation>
    </message>
    <message>
      <source>Louder</source>
      <comment>audio_louder</comment>
      <translation>Más alto</translation>
    </message>
    <message>
      <source>Make the voice louder</source>
      <comment>audio_louder_desc</comment>
      <translation>Subir el volumen de la voz</translation>
    </message>
    <message>
      <source>Volume {percent} percent</source>
      <comment>audio_volume</comment>
      <translation>Volumen al {percent} por ciento</translation>
    </message>
    <message>
      <source>Touch Listen to hear this screen.</source>
      <comment>audio_arrival_hint</comment>
      <translation>Toque Escuchar para oír esta pantalla.</translation>
    </message>
    <message>
      <source>End of the screen.</source>
      <comment>audio_end</comment>
      <translation>Fin de la pantalla.</translation>
    </message>
    <message>
      <source>Touch again to use it.</source>
      <comment>audio_touch_again</comment>
      <translation>Toque otra vez para usarlo.</translation>
    </message>
    <message>
      <source>button</source>
      <comment>audio_button</comment>
      <translation>botón</translation>
    </message>
    <message>
      <source>with a link</source>
      <comment>audio_link</comment>
      <translation>con un enlace</translation>
    </message>
    <message>
      <source>Medicines found: {count}. {names}</source>
      <comment>audio_results</comment>
      <translation>Medicamentos encontrados: {count}. {names}</translation>
    </message>
  </context>
</TS>
